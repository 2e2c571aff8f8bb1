/**
 * `xc-elements/petition`: registers <xc-petition-register> (信访件受理登记) and re-exports the
 * register's pure functions.
 * @module
 */
export { XcPetitionRegister, type PetitionToClueDetail, type PetitionCiteDetail } from './xc-petition-register.js';
export * from '../core/petition.js';
