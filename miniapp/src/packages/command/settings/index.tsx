import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { commandSettingsGet, commandSettingsPut, gradeFigureLabels, gradeLabels, type CommandSettings } from '@linli/shared'
import { ApiError, call } from '../../../api/request'
import { PageShell } from '../../../components/page-shell'
import { useSession } from '../../../components/use-session'
import { useRouteForm } from '../../../components/use-route-form'
import { Field, FieldError } from '../../../components/field-error'
import { usePageClass } from '../../../components/text-size'
import { Button, CellGroup, Input, RadioGroup } from '../components/nutui'
import './settings.scss'

type Rule = CommandSettings['gradeRules'][number]
const ruleGrades = ['red', 'orange', 'yellow', 'blue'] as const
const number = (v: string) => (v.trim() === '' ? Number.NaN : Number(v))

/**
 * 评分与预警规则 (the district's admin): the weights of the 三率 in the ranking, the fewest cases a unit is ranked on,
 * and the five-colour grade rules — each a figure of a grid, the least value at which it holds, its grade and the
 * reason said beside it ({n} is the grid's figure). Checked by the route's own schema before it is sent.
 */
export default function CommandSettingsPage() {
  const pageClass = usePageClass()
  const session = useSession()
  const [form, setForm] = useState<CommandSettings>()
  const [error, setError] = useState('')
  const { errors, busy, submit } = useRouteForm(commandSettingsPut)
  const load = () => call(commandSettingsGet, {}).then(setForm, (e: ApiError) => setError(e.message))
  useEffect(() => void (session && load()), [Boolean(session)])

  const set = (change: Partial<CommandSettings>) => setForm((f) => f && { ...f, ...change })
  const setRule = (i: number, change: Partial<Rule>) => set({ gradeRules: form!.gradeRules.map((r, j) => (i === j ? { ...r, ...change } : r)) })
  const save = async () => {
    if (!(await submit({ body: form! }))) return
    void Taro.showToast({ title: '已保存', icon: 'success' })
  }

  return (
    <PageShell
      className={`${pageClass} command-settings`}
      signedOut={!session}
      loading={!form && !error}
      error={form ? undefined : error}
      onRetry={() => void load()}
    >
      {() => (
        <>
          <CellGroup title='排名：三率权重（和为 100）'>
            {(
              [
                ['accept', '响应率'],
                ['resolve', '办结及时率'],
                ['satisfaction', '满意率'],
              ] as const
            ).map(([key, label]) => (
              <Field key={key} label={label} name={`weight-${key}`}>
                <Input
                  className={`command-settings__weight-${key}`}
                  type='digit'
                  maxLength={3}
                  value={Number.isNaN(form!.weights[key]) ? '' : String(form!.weights[key])}
                  onChange={(v) => set({ weights: { ...form!.weights, [key]: number(v) } })}
                />
              </Field>
            ))}
            <FieldError name='weights' message={errors.weights} />
            <Field label='最少排名件数' name='minCases' error={errors.minCases}>
              <Input
                className='command-settings__min'
                type='digit'
                maxLength={4}
                value={Number.isNaN(form!.minCases) ? '' : String(form!.minCases)}
                onChange={(v) => set({ minCases: number(v) })}
              />
            </Field>
          </CellGroup>
          <CellGroup title='五色预警规则（满足任一规则即为该颜色，取最严重的）'>
            {form!.gradeRules.map((r, i) => (
              <View key={i} className='command-settings__rule'>
                <RadioGroup
                  direction='horizontal'
                  value={r.grade}
                  onChange={(v) => setRule(i, { grade: v as Rule['grade'] })}
                  options={ruleGrades.map((g) => ({ label: gradeLabels[g], value: g }))}
                />
                <RadioGroup
                  direction='horizontal'
                  value={r.figure}
                  onChange={(v) => setRule(i, { figure: v as Rule['figure'] })}
                  options={Object.entries(gradeFigureLabels).map(([value, label]) => ({ label, value }))}
                />
                <Field label='达到' name={`rule-${i}-atLeast`}>
                  <Input
                    type='digit'
                    maxLength={5}
                    value={Number.isNaN(r.atLeast) ? '' : String(r.atLeast)}
                    onChange={(v) => setRule(i, { atLeast: number(v) })}
                  />
                </Field>
                <Field label='原因' name={`rule-${i}-reason`}>
                  <Input maxLength={40} placeholder='如 {n} 件超期未办结' value={r.reason} onChange={(reason) => setRule(i, { reason })} />
                </Field>
                <Button size='small' fill='outline' onClick={() => set({ gradeRules: form!.gradeRules.filter((_, j) => j !== i) })}>
                  删除此规则
                </Button>
              </View>
            ))}
            <FieldError name='gradeRules' message={errors.gradeRules} />
            <View className='command-settings__actions'>
              <Button
                size='small'
                fill='outline'
                onClick={() => set({ gradeRules: [...form!.gradeRules, { grade: 'yellow', figure: 'open', atLeast: 10, reason: '在办 {n} 件' }] })}
              >
                添加规则
              </Button>
            </View>
          </CellGroup>
          <FieldError name='_form' message={errors._form} />
          <View className='command-settings__actions'>
            <Button className='command-settings__save' type='primary' block loading={busy} onClick={() => void save()}>
              保存
            </Button>
          </View>
          <Text className='command-settings__note muted'>保存后，指挥中心的排名与五色预警在下次刷新时（30 秒内）按新规则计算。</Text>
        </>
      )}
    </PageShell>
  )
}
