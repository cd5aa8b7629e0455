// The one schema of Pilar: every module's tables, for Drizzle and drizzle-kit.
export * from '../modules/wilayah/schema.ts';
export * from '../modules/framework/schema.ts';
export * from '../modules/masterplan/schema.ts';
export * from '../modules/accounts/schema.ts';
export * from '../modules/editing/schema.ts';
export * from '../modules/files/schema.ts';
export * from '../modules/connectivity/schema.ts';
export * from '../modules/monitoring/schema.ts';
export * from '../modules/monitoring/reminders/schema.ts';
export * from '../modules/monitoring/bulk/schema.ts';
export * from '../modules/evaluation/schema.ts';
export * from '../modules/evaluation/cycle/schema.ts';
