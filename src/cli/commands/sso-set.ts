export { set as command } from './sso-commands';
