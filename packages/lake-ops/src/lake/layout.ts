/**
 * The pipeline's lake layout and table key schema, as the operations need them: the one place lake-ops imports them
 * from, so that moving them into `@sales/pipeline-spec` repoints this file only.
 */
export { DATA_FILE_EXTENSION, DATA_PREFIX, ERROR_PREFIX, partitionPath } from '../../../../constructs/lake-layout.js';
export { ORDER_TABLE_SCHEMA, type KeyAttribute } from '@sales/generator/table-schema';
