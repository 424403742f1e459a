/** Where the store lives: --data-dir=… beats CTPAT_DATA_DIR beats the platform default. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, platformDefault: string): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
    if (arg === '--data-dir' && argv[i + 1]) return argv[i + 1] as string;
  }
  if (env.CTPAT_DATA_DIR) return env.CTPAT_DATA_DIR;
  return platformDefault;
}
