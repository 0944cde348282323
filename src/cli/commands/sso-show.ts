export { show as command } from './sso-commands';
