/**
 * The Lambda entry point this pipeline deploys (bundled by `transform-bundle.ts`, handler string
 * `index.handler`): `@sales/transform`'s handler built with the declared `order_changes` schema,
 * so every row conforms to the Glue table the crawler and Athena read. One declared schema is the
 * single source for the table and the handler.
 */
import { ORDER_CHANGE_COLUMNS } from '@sales/pipeline-spec';
import { createHandler, createRowSchema } from '@sales/transform';

/** The Firehose transformation handler, conforming rows to {@link ORDER_CHANGE_COLUMNS}. */
export const handler = createHandler({ schema: createRowSchema(ORDER_CHANGE_COLUMNS) });
