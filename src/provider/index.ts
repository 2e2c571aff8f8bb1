/** `xc-elements/provider`: registers `<xc-provider>`. */
export { XcProvider } from './xc-provider.js';
