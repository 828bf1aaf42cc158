// The error a Go template that cannot be parsed raises, with the offset of what could not be read.

/** A template that cannot be parsed: what and where (an offset of the template text). */
export class TemplateSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}
