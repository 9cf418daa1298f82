import { useEffect, useMemo, useState, type ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button, Input, Picker } from '@nutui/nutui-react-taro'
import Dialog from '@/components/dialog/Dialog'
import { CONTACT_TIMES, CONTACT_TIME_LABELS, REQUEST_TYPES, REQUEST_TYPE_LABELS } from '@/types/service'
import { PROJECT_STAGES, PROJECT_STAGE_LABELS } from '@/types/project-stages'
import { useProject } from '@/features/projects/project-store'
import { useServiceDraft } from '../draft-store'
import { useZoneCatalog } from '@/features/zones/catalog-store'
import ZonePicker from '@/features/zones/ZonePicker'
import { useSpaceDetails } from '@/features/spaces/space-details-store'
import { todayString } from '@/lib/format'
import ChipGroup from '@/components/chip-group/ChipGroup'
import TextBox from '@/components/text-box/TextBox'
import { PhotoPicker } from './PhotoPicker'
import { DESCRIPTION_MAX, DESCRIPTION_MIN, descriptionLength, firstErrorField, visitDateOptions, type DraftField } from './draft'
import { ROUTES, navigate } from '@/lib/routes'
import { a11y } from '@/lib/a11y'
import '@/styles/service.scss'
import './service-form.scss'

const TYPE_OPTIONS = REQUEST_TYPES.map((value) => ({ value, label: REQUEST_TYPE_LABELS[value] }))
const CONTACT_OPTIONS = CONTACT_TIMES.map((value) => ({ value, label: CONTACT_TIME_LABELS[value] }))
const STAGE_OPTIONS = PROJECT_STAGES.map((value) => ({ value, label: PROJECT_STAGE_LABELS[value] }))
const NO_PARK = '__none__'

interface FieldProps {
  name: DraftField
  label: string
  required?: boolean
  hint?: string
  error?: string
  children: ReactNode
}

/** Label, control, then the Chinese reason right under it when the field is wrong. */
function Field({ name, label, required = false, hint, error, children }: FieldProps) {
  return (
    <View id={`field-${name}`} className={`svc-field${error ? ' svc-field--error' : ''}`}>
      <View className="svc-field__label">
        <Text>{label}</Text>
        {required ? (
          <Text className="svc-field__required" {...a11y('img')} aria-label="必填">
            *
          </Text>
        ) : (
          <Text className="svc-field__optional">（选填）</Text>
        )}
      </View>
      {hint ? <Text className="svc-field__hint">{hint}</Text> : null}
      {children}
      {error ? (
        <Text id={`error-${name}`} className="svc-field__error" {...a11y('alert')}>
          {error}
        </Text>
      ) : null}
    </View>
  )
}

/** The 找店小二 form. State and rules live in the draft store; this only lays them out. */
export function ServiceForm({ onSubmitted }: { onSubmitted?: () => void }) {
  const fields = useServiceDraft((s) => s.fields)
  const errors = useServiceDraft((s) => s.errors)
  const uploads = useServiceDraft((s) => s.uploads)
  const submitting = useServiceDraft((s) => s.submitting)
  const submitError = useServiceDraft((s) => s.submitError)
  const conflict = useServiceDraft((s) => s.conflict)
  const draft = useServiceDraft.getState()
  const zones = useZoneCatalog((s) => s.zones)
  const parks = useZoneCatalog((s) => s.parks)
  const catalogStatus = useZoneCatalog((s) => s.status)
  const reloadCatalog = useZoneCatalog((s) => s.load)
  const [parkPickerOpen, setParkPickerOpen] = useState(false)
  // The followed project's name, when the investor came from its page (the request carries only its id).
  const projectName = useProject((s) => (s.project && s.project.project.id === fields.projectId ? s.project.project.name : null))
  const space = useSpaceDetails((s) => (fields.spaceId ? s.details[fields.spaceId]?.detail.space : undefined))
  const visitDates = useMemo(() => visitDateOptions(todayString()), [])

  // The park picker lists the chosen zone's parks.
  useEffect(() => {
    void useZoneCatalog.getState().loadParks(fields.zoneId)
  }, [fields.zoneId])

  const zoneParks = parks.filter((p) => p.zoneId === fields.zoneId)
  const parkLabel = fields.parkId ? (zoneParks.find((p) => p.id === fields.parkId)?.name ?? '') : ''
  const length = descriptionLength(fields.description)

  const submit = async () => {
    const created = await draft.submit()
    if (created) {
      onSubmitted?.()
      return
    }
    const first = firstErrorField(useServiceDraft.getState().errors)
    if (first) void Taro.pageScrollTo({ selector: `#field-${first}`, duration: 200, offsetTop: -12 } as Taro.pageScrollTo.Option)
  }

  return (
    <View className="svc-form">
      <View className="svc-card">
        <Field name="type" label="需求类型" required error={errors.type}>
          <ChipGroup label="需求类型" options={TYPE_OPTIONS} value={fields.type} onChange={(v) => draft.setField('type', v)} />
        </Field>

        <Field name="zoneId" label="开发区" required error={errors.zoneId}>
          {zones.length ? (
            <ZonePicker label="开发区" zones={zones} value={fields.zoneId} fullNames onChange={(v) => v && draft.setField('zoneId', v)} />
          ) : catalogStatus === 'error' ? (
            <View className="svc-inline-error">
              <Text>开发区列表加载失败。</Text>
              <Text className="svc-link" {...a11y('button')} onClick={() => void reloadCatalog(true)}>
                重试
              </Text>
            </View>
          ) : (
            <View className="svc-chips-skeleton" role="status" aria-busy="true" aria-label="正在加载开发区" />
          )}
        </Field>

        {fields.zoneId && zoneParks.length ? (
          <Field name="parkId" label="园区" error={errors.parkId}>
            <View
              className="svc-select"
              role="button"
              // The visible text first: a screen reader user hears what a sighted one reads.
              aria-label={`${parkLabel || '不确定 / 由工作人员推荐'}，选择园区`}
              onClick={() => setParkPickerOpen(true)}
            >
              <Text className={parkLabel ? '' : 'svc-select__placeholder'}>{parkLabel || '不确定 / 由工作人员推荐'}</Text>
              <Text className="svc-select__arrow" aria-hidden="true">
                ›
              </Text>
            </View>
            <Picker
              visible={parkPickerOpen}
              title="选择园区"
              options={[[{ label: '不确定 / 由工作人员推荐', value: NO_PARK }, ...zoneParks.map((p) => ({ label: p.name, value: p.id }))]]}
              value={[fields.parkId ?? NO_PARK]}
              onConfirm={(_, values) => {
                const picked = String(values[0] ?? NO_PARK)
                draft.setField('parkId', picked === NO_PARK ? null : picked)
              }}
              onClose={() => setParkPickerOpen(false)}
            />
          </Field>
        ) : null}
      </View>

      {fields.projectId ? (
        <View className="svc-card">
          <Field
            name="projectStage"
            label={`关联项目：${projectName ?? '我关注的项目'}`}
            required
            error={errors.projectStage ?? errors.projectId}
          >
            <Text className="svc-field__hint">遇到问题的阶段，店小二会结合项目进度跟进</Text>
            <ChipGroup
              label="遇到问题的阶段"
              options={STAGE_OPTIONS}
              value={fields.projectStage}
              onChange={(v) => draft.setField('projectStage', v)}
            />
            <Text
              className="svc-link svc-form__unlink"
              {...a11y('button')}
              onClick={() => {
                draft.setField('projectId', null)
                draft.setField('projectStage', null)
              }}
            >
              不关联项目
            </Text>
          </Field>
        </View>
      ) : null}

      {fields.type === 'site' ? (
        <View className="svc-card">
          {fields.spaceId ? (
            <View className="svc-field svc-visit__space" {...a11y('note')}>
              <Text className="svc-field__label">{space?.type === 'land' ? '预约看地' : '预约看厂'}</Text>
              <Text className="svc-visit__title">{space?.title ?? '所选载体'}</Text>
              <Text
                className="svc-link svc-visit__remove"
                {...a11y('button', { 'aria-label': '不指定载体' })}
                onClick={() => draft.setField('spaceId', null)}
              >
                不指定载体
              </Text>
            </View>
          ) : null}
          <Field
            name="preferredVisitDate"
            label={space?.type === 'land' ? '希望看地日期' : '希望看厂/看地日期'}
            hint="店小二会与您确认具体时间"
            error={errors.preferredVisitDate}
          >
            <ChipGroup
              label="希望看厂日期"
              options={[{ value: '', label: '暂不确定' }, ...visitDates]}
              value={fields.preferredVisitDate ?? ''}
              onChange={(v) => draft.setField('preferredVisitDate', v || null)}
              scroll
            />
          </Field>
        </View>
      ) : null}

      <View className="svc-card">
        <Field name="company" label="企业名称" required error={errors.company}>
          <Input
            className="svc-input"
            aria-label="企业名称"
            placeholder="例如：山东某某新材料有限公司"
            value={fields.company}
            maxLength={100}
            onChange={(v) => draft.setField('company', v)}
          />
        </Field>
        <Field name="contactName" label="联系人" required error={errors.contactName}>
          <Input
            className="svc-input"
            aria-label="联系人"
            placeholder="您的姓名"
            value={fields.contactName}
            maxLength={30}
            onChange={(v) => draft.setField('contactName', v)}
          />
        </Field>
        <Field name="mobile" label="手机号" required error={errors.mobile}>
          <Input
            className="svc-input"
            aria-label="手机号"
            type="number"
            placeholder="11 位手机号"
            value={fields.mobile}
            maxLength={11}
            onChange={(v) => draft.setField('mobile', v)}
          />
        </Field>
      </View>

      <View className="svc-card">
        <Field
          name="description"
          label="需求描述"
          required
          hint={`请说明项目情况和需要的帮助（${DESCRIPTION_MIN}–${DESCRIPTION_MAX} 字）`}
          error={errors.description}
        >
          <TextBox
            className="svc-field__control"
            label="需求描述"
            size="large"
            placeholder="例如：计划投资 5000 万元建设新材料项目，需要约 30 亩工业用地，想了解土地指标和审批流程。"
            value={fields.description}
            maxLength={DESCRIPTION_MAX}
            onChange={(v) => draft.setField('description', v)}
          />
          <Text className={`svc-counter${length > 0 && length < DESCRIPTION_MIN ? ' svc-tone--warning' : ''}`} aria-live="polite">
            {length < DESCRIPTION_MIN && length > 0 ? `还需 ${DESCRIPTION_MIN - length} 字 · ` : ''}
            {`${length}/${DESCRIPTION_MAX}`}
          </Text>
        </Field>

        <Field name="photos" label="图片" hint="现场照片、材料截图等，最多 3 张，每张不超过 5 MB" error={errors.photos}>
          <PhotoPicker
            photos={fields.photos}
            uploads={uploads}
            disabled={submitting}
            onAdd={(files) => void draft.addFiles(files)}
            onRemovePhoto={draft.removePhoto}
            onRetry={(key) => void draft.retryUpload(key)}
            onRemoveUpload={draft.removeUpload}
          />
        </Field>

        <Field name="preferredContactTime" label="方便联系的时间" error={errors.preferredContactTime}>
          <ChipGroup
            label="方便联系的时间"
            options={CONTACT_OPTIONS}
            value={fields.preferredContactTime}
            onChange={(v) => draft.setField('preferredContactTime', v)}
          />
        </Field>
      </View>

      {submitError ? (
        <Text className="svc-alert svc-alert--error" {...a11y('alert')}>
          {submitError}
        </Text>
      ) : null}

      <View className="svc-form__submit">
        <Button type="primary" block size="large" loading={submitting} disabled={submitting} onClick={() => void submit()}>
          {submitting ? '正在提交…' : '提交需求'}
        </Button>
        <Text className="svc-form__note">
          提交即表示您同意
          <Text className="svc-link" {...a11y('link')} onClick={() => navigate(ROUTES.privacy)}>
            《隐私保护指引》
          </Text>
          ，信息仅用于开发区工作人员受理和回复您的请求。草稿会自动保存在本机。
        </Text>
      </View>

      {/* 422 idempotency_mismatch: the interrupted send may have arrived; never create a duplicate silently. */}
      <Dialog
        visible={conflict}
        title="上次提交可能已送达"
        content="上次提交时网络中断，工作人员可能已经收到；之后您又修改了内容。请先查看“我的服务请求”，确认没有后再作为新需求提交。"
        onCancel={() => useServiceDraft.setState({ conflict: false })}
        footer={
          <>
            <Button
              className="pl-dialog__button"
              fill="outline"
              onClick={() => void draft.submitAsNew().then((created) => created && onSubmitted?.())}
            >
              作为新需求提交
            </Button>
            <Button
              className="pl-dialog__button"
              type="primary"
              onClick={() => {
                useServiceDraft.setState({ conflict: false })
                navigate(ROUTES.requests)
              }}
            >
              查看我的请求
            </Button>
          </>
        }
      />
    </View>
  )
}
