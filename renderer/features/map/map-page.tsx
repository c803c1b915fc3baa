/** Map — placeholder until the feature lands. */
export function MapPage() {
  return (
    <section aria-labelledby="map-title">
      <h1 id="map-title">Map</h1>
    </section>
  );
}
