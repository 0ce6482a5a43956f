/**
 * `Content-Disposition: attachment` for a file name of any script (RFC 6266 with RFC 5987's `filename*`):
 * browsers take the UTF-8 `filename*`; old clients fall back to `filename`, an ASCII rendering with
 * anything else replaced by `_`. Quotes, backslashes, control characters and path separators never reach
 * the header, so a name cannot inject a header or suggest a folder.
 */
export const attachment = (name: string): string => {
  const safe = name.replace(/[\p{Cc}\p{Cf}/\\]/gu, '_').trim() || 'file';
  const ascii = safe.replace(/[^\x20-\x7e]/g, '_').replace(/["%]/g, '_');
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
};
