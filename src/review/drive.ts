// Drives a review command end to end through its real interface, for the tests: spawns the script, writes
// keystrokes to its stdin and reads its stdout, like a learner at a terminal.
//
// Why piped stdin, and not a pseudo-terminal: @inquirer/prompts creates its readline interface with
// `terminal: true`, so it decodes keypresses (digits, arrows, Enter, Ctrl-C) from a plain pipe too; raw mode is only
// switched on when the input is a TTY. A pipe needs nothing outside Node (the `script` command differs between
// util-linux and BSD/macOS), and its output has no terminal echo to untangle. What makes it robust is waiting, like
// `expect`: each keystroke is written only after the prompt it answers has been drawn, because readline hands any
// key that arrives early to whichever prompt is active at that moment.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { join } from "node:path";

/** Removes terminal escape sequences (colours, cursor moves, line clears) so the text can be matched. */
export function stripAnsi(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escape sequences start with the ESC control character.
  return s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, "").replace(/\x1b[()][0-9A-Za-z]/g, "");
}

export const KEYS = { enter: "\r", ctrlC: "\x03", clearLine: "\x15", space: " " };

export class Driver {
  private readonly child: ChildProcessWithoutNullStreams;
  private raw = "";
  private err = "";
  private cursor = 0;
  private readonly exited: Promise<number>;

  constructor(root: string, script: string, args: string[], env: Record<string, string>) {
    // `node --import tsx` is what the tsx command does, without its extra watcher process in between.
    this.child = spawn(process.execPath, ["--import", "tsx", join(root, "scripts", script), ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...env },
    });
    this.child.stdout.on("data", (d: Buffer) => {
      this.raw += d.toString("utf8");
    });
    this.child.stderr.on("data", (d: Buffer) => {
      this.err += d.toString("utf8");
    });
    this.exited = new Promise((resolve) => this.child.on("close", (code) => resolve(code ?? -1)));
  }

  /** Everything printed so far, without escape sequences. */
  text(): string {
    return stripAnsi(this.raw);
  }

  /** Waits until `pattern` appears after what earlier expects consumed; returns the text up to the match's end. */
  async expect(pattern: RegExp | string, timeoutMs = 20000): Promise<string> {
    const started = Date.now();
    for (;;) {
      const text = this.text();
      const rest = text.slice(this.cursor);
      const found = typeof pattern === "string" ? rest.indexOf(pattern) : rest.search(pattern);
      if (found >= 0) {
        const length =
          typeof pattern === "string" ? pattern.length : (rest.slice(found).match(pattern)?.[0].length ?? 0);
        const upTo = rest.slice(0, found + length);
        this.cursor += found + length;
        return upTo;
      }
      if (this.child.exitCode !== null || Date.now() - started > timeoutMs) {
        throw new Error(
          `expected ${pattern} in the output, ${this.child.exitCode !== null ? `but the command exited with ${this.child.exitCode}` : `not seen within ${timeoutMs} ms`}.\n--- output after the last match ---\n${rest.slice(-2500)}\n--- stderr ---\n${this.err.slice(-1500)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 15));
    }
  }

  /**
   * Waits for a choice prompt to be drawn (its key-help line says "navigate") and returns its options as
   * text → number key, read from the screen, since the options are shuffled.
   */
  async choices(): Promise<Map<string, string>> {
    const screen = await this.expect(/navigate/);
    // The options of the last drawing of the prompt: from its last "? message" line on.
    const lines = screen.split("\n");
    const start = lines.map((l) => /(^|\s)\? \S/.test(l)).lastIndexOf(true);
    const map = new Map<string, string>();
    for (const line of lines.slice(Math.max(0, start))) {
      const m = /(\d)\) (.+?)\s*$/.exec(line);
      if (m) map.set(m[2], m[1]);
    }
    return map;
  }

  /** The number key of the option with this text, from the choice prompt now on screen. */
  async keyFor(option: string): Promise<string> {
    const map = await this.choices();
    const key = map.get(option);
    if (!key) throw new Error(`no option "${option}" on screen; saw: ${[...map.keys()].join(" | ")}`);
    return key;
  }

  send(keys: string): void {
    this.child.stdin.write(keys);
  }

  /** Waits for the command to end; returns its exit code, stdout (plain text) and stderr. */
  async done(timeoutMs = 20000): Promise<{ code: number; out: string; err: string }> {
    const timer = setTimeout(() => this.child.kill(), timeoutMs);
    const code = await this.exited;
    clearTimeout(timer);
    return { code, out: this.text(), err: this.err };
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}
