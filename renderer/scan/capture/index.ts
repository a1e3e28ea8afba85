/** Capture: screen, image files, clipboard/drop and webcam, each ending in the decoder's RgbaImage. */
export { captureScreens, type StepAside } from './screen';
export { imageFileToRgba } from './image-file';
export { readTransfer, isEnrollPasteTarget, ENROLL_PASTE_ATTRIBUTE, type Pasted } from './clipboard';
export { startCameraScan, type CameraSession } from './camera';
export { CaptureError, type CaptureFailure } from './failure';
