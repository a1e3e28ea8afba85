/**
 * Enrollment: adding accounts from QR codes (screen, pictures, clipboard,
 * webcam) and the guided two-factor set-up. App mounts EnrollEntry and
 * GuidedSetup as screens, and EnrollAnywhere once at its root so a paste or
 * drop anywhere in the app starts an enrollment.
 */
export { EnrollEntry, type EnrollEntryProps } from './EnrollEntry';
export { GuidedSetup } from './guided/GuidedSetup';
export { EnrollAnywhere } from './EnrollAnywhere';
/** Mark the add-link text field with this attribute: pastes into it go to enrollment too. */
export { ENROLL_PASTE_ATTRIBUTE } from '../../scan/capture';
