import { defineErrors } from './errors.ts';

/** Errors of the file store, uploads and backups: what went wrong and who can put it right. */
export const FileErrors = defineErrors({
  STORED_FILE_MISSING: {
    status: 404,
    zh: '附件文件缺失，请联系系统管理员从备份恢复。',
    en: "The attachment's file is missing from the file store. Ask the system administrator to restore it from a backup.",
  },
  ONE_FILE_PER_UPLOAD: { status: 400, zh: '每次只能上传一个文件，请逐个上传。', en: 'Upload one file at a time.' },
  BACKUP_DAMAGED: {
    status: 422,
    zh: '备份文件不完整或已损坏（{detail}），未做任何改动。请使用完整的备份文件。',
    en: 'The backup file is incomplete or damaged ({detail}); nothing was changed. Use a complete backup file.',
  },
  BACKUP_OLD_FORMAT: {
    status: 422,
    zh: '该备份文件为旧版格式（第 {version} 版，无校验和、不含附件文件），本版本不能可靠恢复，未做任何改动。请用写出它的版本恢复后重新备份。',
    en: 'This backup is in the old format (version {version}: no checksum, no attachment files) and cannot be restored safely by this version; nothing was changed. Restore it with the version that wrote it, then back up again.',
  },
  BACKUP_NEWER: {
    status: 422,
    zh: '该备份来自更新的版本（未知的数据库迁移：{migrations}），请先升级本系统。',
    en: 'The backup comes from a newer version (unknown migrations: {migrations}); upgrade first.',
  },
  BACKUP_FILES_MISSING: {
    status: 422,
    zh: '文件库中缺少 {count} 个附件文件（{list}），备份未写出。请先找回这些文件。',
    en: '{count} attachment files are missing from the file store ({list}); no backup was written. Recover those files first.',
  },
  RESTORE_BUSY: { status: 409, zh: '另一个恢复操作正在进行，请等待其完成。', en: 'Another restore is running; wait for it to finish.' },
});
