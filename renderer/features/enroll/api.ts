/** The main-process calls enrollment uses, unwrapped (failures throw ApiError with a sentence to show). */
import { bridge, unwrap } from '../../api';

export const enrollApi = {
  preview: (text: string) => unwrap(bridge().enroll.preview({ text })),
  save: (token: string, issuer: string, name: string) => unwrap(bridge().enroll.save({ token, issuer, name })),
  discard: (token: string) => unwrap(bridge().enroll.discard({ token })),
  /** Best effort: a token main no longer knows is already gone, which is all we wanted. */
  discardQuietly: (tokens: Iterable<string>) => {
    for (const token of tokens) void unwrap(bridge().enroll.discard({ token })).catch(() => undefined);
  },
  /** A Google Authenticator transfer batch main holds (see features/import); gone already is fine. */
  discardTransferQuietly: (token: string) =>
    void unwrap(bridge().transfer.importDiscard({ token })).catch(() => undefined),
  stepAside: () => unwrap(bridge().app.stepAside()),
  comeBack: () => unwrap(bridge().app.comeBack()),
  displays: () => unwrap(bridge().app.displays()),
  info: () => unwrap(bridge().app.info()),
  codes: (id: string) => unwrap(bridge().codes.current({ ids: [id] })),
  nextHotp: (id: string) => unwrap(bridge().codes.nextHotp({ id })),
  removeAccount: (id: string) => unwrap(bridge().accounts.remove({ id })),
  settings: () => unwrap(bridge().settings.get()),
  setPortalUrl: (portalUrl: string) => unwrap(bridge().settings.set({ portalUrl })),
  /** Main opens the portal saved in the settings: the renderer never names a URL to open. */
  openPortal: () => unwrap(bridge().app.openPortal()),
};
