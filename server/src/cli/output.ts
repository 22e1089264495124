/**
 * stdout for the CLI: buffered (one write per 64 KB, not one per line), and quiet when
 * the reader goes away (`envls check | head`): EPIPE ends the output, not the process,
 * which still exits with the code the check earned.
 */
const FLUSH_AT = 64 * 1024;

export class Output {
  private chunks: string[] = [];
  private size = 0;
  private closed = false;

  constructor(private readonly stream: NodeJS.WritableStream = process.stdout) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      this.closed = true;
      this.chunks = [];
    });
  }

  line(text: string): void {
    this.write(`${text}\n`);
  }

  write(text: string): void {
    if (this.closed) return;
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.closed || this.chunks.length === 0) return;
    const text = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    this.stream.write(text);
  }
}
