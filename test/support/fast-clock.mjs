// Preloaded into a child Node.js process (`node --import`) to move its clock
// by FAST_CLOCK_OFFSET_MS, as libfaketime moves a process's clock: every time
// the process reads through Date (now, new Date()) is shifted; timers are not.
const offset = Number(process.env.FAST_CLOCK_OFFSET_MS ?? '0');
const RealDate = globalThis.Date;

class ShiftedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + offset);
    else super(...args);
  }

  static now() {
    return RealDate.now() + offset;
  }
}

globalThis.Date = ShiftedDate;
