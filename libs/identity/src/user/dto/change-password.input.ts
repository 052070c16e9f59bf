import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { PasswordRules } from './sign-up.input';

@InputType()
export class ChangePasswordInput {
  @Field()
  @IsString()
  @MaxLength(1024)
  currentPassword!: string;

  @Field()
  @IsString()
  @PasswordRules.min
  @PasswordRules.max
  newPassword!: string;
}
