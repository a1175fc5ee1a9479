import type { FunnelDto, StageDto } from '@autofunnel/shared';
import type { Funnel } from './funnel.entity.js';
import type { Stage } from './stage.entity.js';

export function toStageDto(stage: Stage): StageDto {
  return {
    id: stage.id,
    name: stage.name,
    color: stage.color,
    kind: stage.kind,
    position: stage.position,
    winProbability: stage.winProbability,
    rotAfterDays: stage.rotAfterDays,
    requiredFields: stage.requiredFields,
  };
}

export function toFunnelDto(funnel: Funnel, stages: Stage[]): FunnelDto {
  const ordered = [...stages].sort((a, b) => a.position - b.position);
  return {
    id: funnel.id,
    name: funnel.name,
    distribution: funnel.distribution,
    slaWarnMinutes: funnel.slaWarnMinutes,
    slaEscalateMinutes: funnel.slaEscalateMinutes,
    stages: ordered.map(toStageDto),
  };
}
