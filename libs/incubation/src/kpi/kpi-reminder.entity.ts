import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An overdue report the team was told about, so each overdue period is announced once. */
@Entity('incubation_kpi_reminder')
export class KpiReminder {
  @PrimaryColumn({ type: 'uuid' })
  applicationId!: string;

  @PrimaryColumn({ type: 'text' })
  period!: string;

  @Column({ type: 'timestamptz' })
  notifiedAt!: Date;
}
