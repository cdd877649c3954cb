/** The body, paragraph by paragraph, each with its heading level; numbers are written for the clerk. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select, Typography } from 'antd';
import { useT } from '../../../app/i18n/I18nProvider.tsx';
import { numbered, type Level, type Paragraph } from './body.ts';

const LEVELS: Level[] = [0, 1, 2, 3, 4];

export function BodyEditor({ value = [], onChange }: { value?: Paragraph[]; onChange?: (v: Paragraph[]) => void }) {
  const t = useT();
  const nums = numbered(value);
  const set = (i: number, p: Partial<Paragraph>) => onChange?.(value.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const remove = (i: number) => onChange?.(value.length > 1 ? value.filter((_, j) => j !== i) : [{ level: 0, text: '' }]);
  const add = () => onChange?.([...value, { level: 0, text: '' }]);
  return (
    <Flex vertical gap={6} data-testid="body-editor">
      {value.map((p, i) => (
        <Flex key={i} gap={6} align="start">
          <Select
            value={p.level}
            onChange={(level) => set(i, { level })}
            options={LEVELS.map((l) => ({ value: l, label: t(`documents.form.level${l}`) }))}
            style={{ width: 108, flex: 'none' }}
            aria-label={t('documents.form.level0')}
          />
          <Typography.Text style={{ width: 40, flex: 'none', textAlign: 'right', lineHeight: '32px', fontFamily: 'serif' }}>
            {nums[i]}
          </Typography.Text>
          <Input.TextArea
            value={p.text}
            onChange={(e) => set(i, { text: e.target.value })}
            autoSize={{ minRows: p.level === 0 ? 2 : 1, maxRows: 12 }}
            placeholder={t('documents.form.paragraphPlaceholder')}
            data-testid={`paragraph-${i}`}
          />
          <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(i)} aria-label="delete" />
        </Flex>
      ))}
      <div>
        <Button icon={<PlusOutlined />} onClick={add} data-testid="add-paragraph">
          {t('documents.form.addParagraph')}
        </Button>
      </div>
    </Flex>
  );
}
