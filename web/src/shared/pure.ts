// A component that renders again only when `same` says its props changed:
// most patches change one seat, so the others are left alone.
import { Component, type ComponentChild } from 'preact';

export function pure<P extends object>(render: (props: P) => ComponentChild, same: (a: P, b: P) => boolean) {
  return class Pure extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return !same(this.props, next);
    }

    override render(): ComponentChild {
      return render(this.props);
    }
  };
}

export function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
