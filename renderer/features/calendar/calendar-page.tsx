/** Calendar — placeholder until the feature lands. */
export function CalendarPage() {
  return (
    <section aria-labelledby="calendar-title">
      <h1 id="calendar-title">Calendar</h1>
    </section>
  );
}
