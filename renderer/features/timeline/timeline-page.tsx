/** Timeline — placeholder until the feature lands. */
export function TimelinePage() {
  return (
    <section aria-labelledby="timeline-title">
      <h1 id="timeline-title">Timeline</h1>
    </section>
  );
}
