// A small history-API router: the current path as a signal, links that
// navigate without a reload, and routes matched by pattern (`/table/:id`).
import { signal } from '@preact/signals';
import type { AnchorHTMLAttributes, ComponentChildren } from 'preact';

export const currentPath = signal(location.pathname);
export const currentSearch = signal(location.search);

addEventListener('popstate', () => {
  currentPath.value = location.pathname;
  currentSearch.value = location.search;
});

export function navigate(to: string, replace = false): void {
  if (to === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  const url = new URL(to, location.origin);
  currentPath.value = url.pathname;
  currentSearch.value = url.search;
  scrollTo(0, 0);
}

/** The parameters of `pattern` (`/table/:tableId`) in `path`, or null when it does not match. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

export function Link({ href, children, ...rest }: { href: string; children: ComponentChildren } & AnchorHTMLAttributes) {
  const onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
  const current = currentPath.value === href ? 'page' : undefined;
  return <a href={href} onClick={onClick} aria-current={current} {...rest}>{children}</a>;
}
