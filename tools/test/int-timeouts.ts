// Integration tests wait on real servers and child processes; Jest's 5 s default is for unit tests.
// (testTimeout in a multi-project config is global, so each tier sets its own here.)
import { jest } from '@jest/globals';

jest.setTimeout(90_000);
