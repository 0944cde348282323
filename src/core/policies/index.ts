export * from './policy';
export * from './organization-policy';
export * from './user-policy';
export * from './session-policy';
export * from './catalog-policy';
export * from './invitation-policy';
export * from './cloud-service-policy';
export * from './sso-policy';
