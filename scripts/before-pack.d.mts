// Types for before-pack.mjs, for its tests.
export const ARCH_NAMES: string[];
export function targetOf(context: { electronPlatformName: string; arch: number }): { platform: string; arch: string };
export default function beforePack(context: { electronPlatformName: string; arch: number }): Promise<void>;
