export * from './context';
export * from './ids';
export * from './member-role';
export * from './member-role-stack-set';
export * from './member-role-template';
export * from './organization-aggregator';
export * from './organization-conformance-pack';
export * from './organization-stack';
