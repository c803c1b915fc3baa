export * from './text-merge';
export * from './fields';
