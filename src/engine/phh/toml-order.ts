/**
 * The top-level keys of a TOML document in the order they first appear.
 * JavaScript objects list integer-like keys (`[1]`, `[2]`, … the hand tables
 * of a .phhs file) in numeric order, not file order, so the parsed table
 * alone cannot say which hand came first. This scanner reads only keys,
 * headers, strings and comments, and expects text that already parsed.
 */
export function topLevelKeyOrder(text: string, keys: readonly string[]): string[] {
  const found: string[] = [];
  let i = 0;
  let inTable = false;

  const skipRestOfStatement = (): void => {
    let depth = 0;
    while (i < text.length) {
      const c = text[i];
      if (c === '\n' && depth === 0) return;
      if (c === '#') {
        while (i < text.length && text[i] !== '\n') i++;
        continue;
      }
      if (text.startsWith('"""', i)) {
        i += 3;
        while (i < text.length && !text.startsWith('"""', i)) i += text[i] === '\\' ? 2 : 1;
        i += 3;
        while (text[i] === '"') i++;
        continue;
      }
      if (text.startsWith("'''", i)) {
        const end = text.indexOf("'''", i + 3);
        i = end < 0 ? text.length : end + 3;
        while (text[i] === "'") i++;
        continue;
      }
      if (c === '"') {
        i++;
        while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
        i++;
        continue;
      }
      if (c === "'") {
        const end = text.indexOf("'", i + 1);
        i = end < 0 ? text.length : end + 1;
        continue;
      }
      if (c === '[' || c === '{') depth++;
      else if ((c === ']' || c === '}') && depth > 0) depth--;
      i++;
    }
  };

  const readKey = (): string => {
    while (text[i] === ' ' || text[i] === '\t') i++;
    if (text[i] === '"') {
      const start = i;
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      const quoted = text.slice(start, i);
      try {
        return JSON.parse(quoted) as string;
      } catch {
        return quoted.slice(1, -1);
      }
    }
    if (text[i] === "'") {
      const end = text.indexOf("'", i + 1);
      const key = text.slice(i + 1, end);
      i = end + 1;
      return key;
    }
    const start = i;
    while (i < text.length && /[A-Za-z0-9_-]/.test(text[i])) i++;
    return text.slice(start, i);
  };

  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      i++;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '[') {
      i += text[i + 1] === '[' ? 2 : 1;
      found.push(readKey());
      inTable = true;
      skipRestOfStatement();
    } else {
      const key = readKey();
      if (!inTable) found.push(key);
      skipRestOfStatement();
    }
  }

  const wanted = new Set(keys);
  const ordered = [...new Set(found)].filter((key) => wanted.has(key));
  const placed = new Set(ordered);
  return [...ordered, ...keys.filter((key) => !placed.has(key))];
}
