import { describe, expect, it } from 'vitest';
import { DocumentErrors } from '@township-office/domain/documents.errors';
import { labelOf, labelRef } from '@township-office/domain/labels';
import { messageFor } from './i18n.ts';

describe('messageFor with label references', () => {
  const params = { status: labelRef('DOCUMENT_STATUS', 'draft'), action: labelRef('DOCUMENT_ACTION', 'edit') };

  it('says the state and the action in English on an English request', () => {
    expect(messageFor(DocumentErrors.WRONG_STATE, 'en', params)).toBe('The document is "Draft"; it cannot be edited now.');
  });

  it('says them in zh-CN, and in zh-TW through OpenCC', () => {
    expect(messageFor(DocumentErrors.WRONG_STATE, 'zh-CN', params)).toBe('公文当前状态为“拟稿”，不能修改。');
    expect(messageFor(DocumentErrors.WRONG_STATE, 'zh-TW', params)).toBe('公文當前狀態為“擬稿”，不能修改。');
  });

  it('leaves plain params as they are', () => {
    expect(messageFor(DocumentErrors.WRONG_STATE, 'en', { status: 'x', action: 'y' })).toBe('The document is "x"; it cannot be y now.');
  });

  it('registers the zh-TW labels for the server', () => {
    expect(labelOf('INCOMING_STATUS', 'circulating', 'zh-TW')).toBe('傳閱中');
  });
});
