import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { presentStatus, serviceContextValue } from '../../../client/src/explorer/serviceStatus';

void describe('service status presentation', () => {
  void it('gives each App Runner status its own icon and description', () => {
    const table = ['RUNNING', 'OPERATION_IN_PROGRESS', 'PAUSED', 'CREATE_FAILED', 'DELETE_FAILED', 'DELETED', 'SOMETHING_NEW'].map((status) => {
      const shown = presentStatus(status);
      return [status, shown.state, shown.icon, shown.description];
    });
    assert.deepEqual(table, [
      ['RUNNING', 'running', 'pass-filled', 'Running'],
      ['OPERATION_IN_PROGRESS', 'busy', 'loading~spin', 'Operation in progress…'],
      ['PAUSED', 'paused', 'debug-pause', 'Paused'],
      ['CREATE_FAILED', 'failed', 'error', 'Create failed'],
      ['DELETE_FAILED', 'failed', 'error', 'Delete failed'],
      ['DELETED', 'deleted', 'trash', 'Deleted'],
      ['SOMETHING_NEW', 'unknown', 'question', 'SOMETHING_NEW'],
    ]);
  });

  void it('names the running operation', () => {
    const names = ['CREATE_SERVICE', 'UPDATE_SERVICE', 'START_DEPLOYMENT', 'PAUSE_SERVICE', 'RESUME_SERVICE', 'DELETE_SERVICE'].map(
      (operation) => presentStatus('OPERATION_IN_PROGRESS', operation).description,
    );
    assert.deepEqual(names, ['Creating…', 'Updating…', 'Deploying…', 'Pausing…', 'Resuming…', 'Deleting…']);
  });

  void it('builds menu keys package.json matches on', () => {
    assert.equal(serviceContextValue('running', true), 'zenmlAppRunner.service.running.zenml');
    assert.equal(serviceContextValue('paused', false), 'zenmlAppRunner.service.paused');
  });
});
