/** The main-process calls importing uses, unwrapped (failures throw ApiError with a sentence to show). */
import { bridge, unwrap } from '../../api';

export const importApi = {
  formats: () => unwrap(bridge().transfer.importFormats()),
  chooseFile: (format: string | undefined) => unwrap(bridge().transfer.importFile(format ? { format } : {})),
  retry: (token: string, format: string | undefined, password: string | undefined) =>
    unwrap(bridge().transfer.importRetry({ token, ...(format ? { format } : {}), ...(password ? { password } : {}) })),
  commit: (token: string, include: number[]) => unwrap(bridge().transfer.importCommit({ token, include })),
  /** Best effort: a token main no longer knows is already gone. */
  discardQuietly: (token: string) => void unwrap(bridge().transfer.importDiscard({ token })).catch(() => undefined),
};
