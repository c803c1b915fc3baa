/** Search — placeholder until the feature lands. */
export function SearchPage() {
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">Search</h1>
    </section>
  );
}
