/**
 * The one way every command-line entry point runs its `main`: a failure prints one line,
 * "<failed>: <message>", on stderr and exits with code 1 at once (a worker thread or an open
 * handle must not keep a failed command alive). A UserFacingError's message already says what
 * to do; any other error's message is printed the same way (as these commands always have),
 * and with its stack where `withStack` asks for it (benchmarks, whose failures are bugs).
 */
export function runMain(failed: string | null, main: () => Promise<void>, options: { withStack?: boolean } = {}): void {
  main().catch((error: unknown) => {
    console.error(failed === null ? failureText(error, options.withStack) : `${failed}: ${failureText(error, options.withStack)}`);
    process.exit(1);
  });
}

function failureText(error: unknown, withStack = false): string {
  if (!(error instanceof Error)) return String(error);
  return withStack ? (error.stack ?? error.message) : error.message;
}
