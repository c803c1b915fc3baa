/** Dashboard — placeholder until the feature lands. */
export function DashboardPage() {
  return (
    <section aria-labelledby="dashboard-title">
      <h1 id="dashboard-title">Dashboard</h1>
    </section>
  );
}
