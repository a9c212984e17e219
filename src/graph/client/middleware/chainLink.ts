import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** A middleware that hands the request on to the next one in the chain. */
export abstract class ChainLink implements Middleware {
  private nextLink: Middleware | undefined;

  setNext(next: Middleware): void {
    this.nextLink = next;
  }

  protected async next(context: Context): Promise<void> {
    if (!this.nextLink) throw new Error(`${this.constructor.name} is the last middleware but must not be.`);
    await this.nextLink.execute(context);
  }

  abstract execute(context: Context): Promise<void>;
}
