/**
 * The pipeline's lake layout and table key schema, as the operations need them, from the contract package.
 */
export { DATA_FILE_EXTENSION, DATA_PREFIX, ERROR_PREFIX, partitionPath } from '@sales/pipeline-spec';
export { ORDER_TABLE_SCHEMA, type KeyAttribute } from '@sales/pipeline-spec';
