export * from './model';
export * from './compose';
export * from './graph';
