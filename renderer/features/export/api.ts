/** The main-process calls the "Export & back up" page uses, unwrapped (failures throw ApiError with a sentence to show). */
import type { ExportFileFormat } from '../../../common/transfer-export';
import { bridge, unwrap } from '../../api';

export const exportApi = {
  /** Main opens the save dialog and writes the file; the password goes to main once and is not kept here. */
  exportFile: (format: ExportFileFormat, password?: string) =>
    unwrap(bridge().transfer.exportFile(password ? { format, password } : { format })),
  qrCodes: () => unwrap(bridge().transfer.exportQrCodes()),
  accountQr: (id: string) => unwrap(bridge().transfer.accountQr({ id })),
  /** Best effort: the window goes back to the content-protection setting. */
  qrHidden: () => void unwrap(bridge().transfer.qrHidden()).catch(() => undefined),
  sheet: (language: 'en' | 'nb') => unwrap(bridge().transfer.exportSheet({ language })),
  chooseBackup: () => unwrap(bridge().transfer.verifyChoose()),
  verify: (token: string, password: string) =>
    unwrap(bridge().transfer.verifyBackup(password ? { token, password } : { token })),
};
