// Maps offsets of a rendered template back to the template: literal text to itself, an action's output to the action.
import type { Origin } from './values';
import type { Segment } from './evaluate';

/** A rendered span's place in the template, with what produced it. */
export interface MappedSpan {
  start: number;
  end: number;
  /** The values-file value the span was printed from, when it lies within one action's output of one value. */
  origin?: Origin;
  /** The `range` iteration the span was rendered in. */
  iteration?: string;
}

/** The source map of one rendered template. */
export class SourceMap {
  private readonly templateLength: number;

  constructor(
    private readonly segments: readonly Segment[],
    private readonly template: string,
    private readonly rendered: string,
  ) {
    this.templateLength = template.length;
  }

  /** The index of the segment holding rendered offset `at`, or -1. */
  private indexAt(at: number): number {
    let lo = 0;
    let hi = this.segments.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.segments[mid];
      if (at < s.out) hi = mid - 1;
      else if (at >= s.outEnd) lo = mid + 1;
      else return mid;
    }
    return -1;
  }

  /** The segment holding rendered offset `at`, or undefined. */
  private segmentAt(at: number): Segment | undefined {
    return this.segments[this.indexAt(at)];
  }

  /** The template offset of rendered offset `at`, as the start of a span. */
  private startOf(at: number): number {
    const s = this.segmentAt(at);
    if (!s) return at === 0 ? 0 : (this.segmentAt(at - 1)?.srcEnd ?? this.templateLength);
    return s.action ? s.src : s.src + (at - s.out);
  }

  /** The template offset of rendered offset `at`, as the end of a span. */
  private endOf(at: number): number {
    const s = this.segmentAt(at - 1);
    if (!s) return this.startOf(at);
    return s.action ? s.srcEnd : s.src + (at - s.out);
  }

  /** Maps a rendered span [start, end) to the template. */
  span(start: number, end: number): MappedSpan {
    const first = this.segmentAt(start);
    const mapped: MappedSpan = end > start ? { start: this.startOf(start), end: this.endOf(end) } : { start: this.startOf(start), end: this.startOf(start) };
    if (mapped.end < mapped.start) mapped.end = mapped.start;
    mapped.origin = this.originIn(start, Math.max(end, start + 1));
    mapped.iteration = first?.iteration;
    return mapped;
  }

  /**
   * Maps an edit of the rendered text to an edit of the template, when it lies within literal text
   * (an insertion at the edge of literal text counts); undefined when it would edit an action.
   */
  literalEdit(start: number, end: number): { start: number; end: number } | undefined {
    const inside = (s: Segment | undefined) => s && !s.action && start >= s.out && end <= s.outEnd;
    const here = this.segmentAt(start);
    if (start === end && this.rendered[start - 1] === '\n') {
      const line = this.lineAfterTrimmedText(start);
      if (line !== undefined) return { start: line, end: line };
    }
    const chosen = inside(here) ? here : start === end ? this.segmentAt(start - 1) : undefined;
    if (!chosen || !inside(chosen)) return undefined;
    return { start: chosen.src + (start - chosen.out), end: chosen.src + (end - chosen.out) };
  }

  /**
   * For lines inserted at rendered line start `at` where the newline before it is white space left
   * over after `{{-` trimmed the template's own line end (`false` + `{{- if }}...{{- end }}` + a
   * newline): the start of the template line after the last literal text, where the author would
   * write them; it renders the same. Undefined in any other case.
   */
  private lineAfterTrimmedText(at: number): number | undefined {
    let i = this.indexAt(at - 1);
    const blank = (s: Segment) => !s.action && /^\s*$/.test(this.rendered.slice(s.out, s.outEnd));
    if (i < 0 || !blank(this.segments[i])) return undefined;
    while (i >= 0 && blank(this.segments[i])) i--;
    const text = this.segments[i];
    if (!text || text.action || this.rendered[text.outEnd - 1] === '\n') return undefined;
    const nl = this.template.indexOf('\n', text.srcEnd);
    return nl >= 0 && /^[ \t\r]*$/.test(this.template.slice(text.srcEnd, nl)) ? nl + 1 : undefined;
  }

  /** The one values-file value printed by an action inside rendered [start, end), if exactly one is. */
  private originIn(start: number, end: number): Origin | undefined {
    let found: Origin | undefined;
    const first = this.indexAt(start);
    for (let i = first; i >= 0 && i < this.segments.length && this.segments[i].out < end; i++) {
      const s = this.segments[i];
      if (!s.action) continue;
      if (!s.origin || (found && found !== s.origin)) return undefined;
      found = s.origin;
    }
    return found;
  }

  /** The values-file value printed exactly at rendered [start, end) by one action, if any. */
  valueAt(start: number, end: number): Origin | undefined {
    const s = this.segmentAt(start);
    return s && s.action && s.origin && s.out === start && s.outEnd === end ? s.origin : undefined;
  }
}
