/** Plain-text excerpt of a Markdown note for lists (no rendering: the note page renders it safely). */
export function noteExcerpt(body: string, max = 160): string {
  const lines = body.split('\n');
  const firstIdx = lines.findIndex((l) => l.trim() !== '');
  const rest = lines
    .slice(firstIdx + 1)
    .join(' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return rest.length > max ? `${rest.slice(0, max - 1)}…` : rest;
}
