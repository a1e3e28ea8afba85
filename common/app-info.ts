/** What main tells the renderer about the app and the machine it runs on. */
export interface AppInfo {
  version: string;
  /** The git commit the build was made from ('unknown' outside git). */
  commit: string;
  platform: 'linux' | 'darwin' | 'win32' | 'web';
  /** Linux Wayland sessions capture through the portal picker, not silently. */
  waylandSession: boolean;
  portalPresets: { id: string; name: string; url: string }[];
}

/** One display as the OS lays it out; bounds are logical (DIP) units, as stitchDisplays expects. */
export interface DisplayInfo {
  id: string;
  bounds: { x: number; y: number; width: number; height: number };
  scaleFactor: number;
}

/** What the opt-in check for a newer release found. */
export type UpdateCheckResult =
  | { status: 'newer'; current: string; latest: string; downloadUrl: string }
  | { status: 'current'; current: string; latest: string }
  | { status: 'off'; reason: 'setting' | 'policy' }
  | { status: 'failed'; message: string };
