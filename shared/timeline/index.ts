/** Timeline and calendar geometry: pure, no DOM (see scale.ts, layout.ts, calendar.ts). */
export * from './scale';
export * from './layout';
export * from './calendar';
