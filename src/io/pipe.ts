/**
 * A line writer for stdout or stderr that falls silent once the reader has gone. `pcv --help |
 * head -1` closes the pipe after one line; Node then reports EPIPE as an 'error' event that,
 * unhandled, prints a stack trace. A closed pipe is not pcv's failure: the rest of the output is
 * dropped and the run ends with the exit code it would have had.
 */
const writers = new WeakMap<NodeJS.WritableStream, (text: string) => void>();

export function lineWriter(stream: NodeJS.WritableStream): (text: string) => void {
  let writer = writers.get(stream);
  if (writer !== undefined) return writer;
  let closed = false;
  // Any write error means the output is gone (EPIPE, or EIO on a closed terminal): nothing pcv
  // could print there would be read.
  stream.on('error', () => {
    closed = true;
  });
  writer = (text) => {
    if (!closed) stream.write(text + '\n');
  };
  writers.set(stream, writer);
  return writer;
}
