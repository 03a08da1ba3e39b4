import { FiguresService } from '@app/figures';

/** What the month-end snapshot stores: the published roll-up (FiguresService.summary) of that date. */
export interface MonthEndFigures {
  compute(asOf: string): Promise<object>;
}
export const MONTH_END_FIGURES = Symbol('MONTH_END_FIGURES');

export const monthEndFiguresFrom = (figures: FiguresService): MonthEndFigures => ({
  compute: (asOf) => figures.summary(asOf),
});
