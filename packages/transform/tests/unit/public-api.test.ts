import * as api from '../../src/index.js';

describe('public API', () => {
  test('exports exactly the documented runtime names (update the README and CHANGELOG when this changes)', () => {
    expect(Object.keys(api).sort()).toMatchSnapshot();
  });
});
