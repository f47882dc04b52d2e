// Set up for every integration and end-to-end test file.
import { afterAll, jest } from '@jest/globals';
import { stopAllFixtures } from '@nhip/testing';

// They wait on real servers and child processes; Jest's 5 s default is for unit tests.
// (testTimeout in a multi-project config is global, so each tier sets its own here.)
jest.setTimeout(90_000);

// A file whose beforeAll failed half-way never stops what it had started (its afterAll has nothing
// to call stop on), and one live child process keeps Jest from exiting: CI then waited out its time
// limit instead of reporting the failure. After each file, whatever it left running is stopped.
afterAll(stopAllFixtures);
