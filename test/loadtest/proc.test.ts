import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { groupCpuPercent, sampleProcessGroup } from '../../loadtest/proc.ts';

const linux = process.platform === 'linux';

describe('loadtest: CPU of a group of processes (/proc)', () => {
  it('when a process of that name keeps a core busy then the group used most of a core', async function () {
    if (!linux) this.skip();
    // `yes` writes as fast as it can: one busy core, under a name nothing else here has.
    const child = spawn('yes', [], { stdio: ['ignore', 'ignore', 'ignore'] });
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      const from = sampleProcessGroup('yes');
      await new Promise((resolve) => setTimeout(resolve, 500));
      const to = sampleProcessGroup('yes');

      assert.ok(to.cpuMsByPid.has(child.pid as number), 'the child is in the group');
      const percent = groupCpuPercent(from, to);
      assert.ok(percent !== null && percent > 20 && percent <= 110, `yes used ${percent}% of a core`);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('when no process has that name then there is no figure', function () {
    if (!linux) this.skip();
    const from = sampleProcessGroup('no-such-felt-process');
    const to = sampleProcessGroup('no-such-felt-process');

    assert.equal(to.cpuMsByPid.size, 0);
    assert.equal(groupCpuPercent(from, to), null);
  });

  it('when a process started between the samples then all its time counts, and one that ended counts none', () => {
    const from = { atMs: 0, cpuMsByPid: new Map([[1, 100], [2, 500]]) };
    const to = { atMs: 1000, cpuMsByPid: new Map([[1, 300], [3, 150]]) };

    assert.equal(groupCpuPercent(from, to), 35);
  });
});
