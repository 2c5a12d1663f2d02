import { Box, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconChartBar, IconShoppingCart, IconWifiOff } from '@tabler/icons-react';
import { type ReactNode, useEffect, useState } from 'react';
import { StatusBar } from '../../app/StatusBar';
import { Brand } from '../../ui/Brand';
import { CentralServerLink } from '../central/CentralServerLink';
import { CentralServerStep, ConnectedNotice } from '../central/CentralServerStep';
import { KeychainNote } from '../computer/KeychainNote';
import { LegacyImportStep } from '../legacy/LegacyImportStep';
import { LegacyLink } from '../legacy/LegacyLink';
import classes from './AuthScreen.module.css';
import { RegisterForm } from './RegisterForm';
import { ResetPasswordForm } from './ResetPasswordForm';
import { SignInForm } from './SignInForm';

type Step =
  | { form: 'sign-in'; login?: string; connectedTo?: string }
  | { form: 'register' }
  | { form: 'reset' }
  | { form: 'central' }
  | { form: 'legacy' };

const WIDE: Step['form'][] = ['register', 'central', 'legacy'];

function Benefit({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap="sm" wrap="nowrap" align="flex-start">
      <ThemeIcon variant="white" radius="xl" size={32} aria-hidden>
        {icon}
      </ThemeIcon>
      <Text c="white" size="md" lh={1.45} mt={4}>
        {children}
      </Text>
    </Group>
  );
}

/**
 * A press on a button or link keeps the focus where it is. Leaving an empty field shows its error
 * (forms check a field on leaving it), which moves everything below it; the button would slip from
 * under the pointer between press and release, and the click would be lost ("Create restaurant"
 * then only marked the field just left). The click itself moves the focus where it belongs.
 */
function keepFocusOnPress(event: globalThis.MouseEvent) {
  if ((event.target as Element).closest('button, a[href]')) event.preventDefault();
}

/**
 * Before sign-in: sign in, register a restaurant, set a new password with a reset code, connect to a
 * server, or bring a restaurant over from the old KitchenGuard.
 */
export function AuthScreen() {
  const [step, setStep] = useState<Step>({ form: 'sign-in' });
  const signIn = (login?: string) => setStep({ form: 'sign-in', login });
  useEffect(() => {
    document.addEventListener('mousedown', keepFocusOnPress);
    return () => document.removeEventListener('mousedown', keepFocusOnPress);
  }, []);

  return (
    <div className={classes.page}>
      <div className={classes.columns}>
        <Box className={classes.story} p={48}>
          <Brand size="lg" inverted />
          <Stack gap="lg" maw={380} className={classes.pitch}>
            <Title order={2} c="white" fz={30} lh={1.2}>
              The stock book of your kitchen and bar.
            </Title>
            <Benefit icon={<IconShoppingCart size={18} />}>
              See at a glance what is below par and must be ordered.
            </Benefit>
            <Benefit icon={<IconChartBar size={18} />}>Know what your shelves are worth, to the cent.</Benefit>
            <Benefit icon={<IconWifiOff size={18} />}>
              Everything is saved on this computer first — no internet needed.
            </Benefit>
          </Stack>
        </Box>
        <Box className={classes.formSide} p="xl">
          <Stack gap="xs" align="center" w="100%" maw={WIDE.includes(step.form) ? 620 : 420}>
            {step.form === 'sign-in' && step.connectedTo && <ConnectedNotice server={step.connectedTo} />}
            <Paper withBorder shadow="sm" radius="lg" p={32} w="100%">
              {step.form === 'sign-in' && (
                <SignInForm
                  key={step.login ?? ''}
                  initialLogin={step.login}
                  onRegister={() => setStep({ form: 'register' })}
                  onReset={() => setStep({ form: 'reset' })}
                />
              )}
              {step.form === 'register' && <RegisterForm onSignIn={() => signIn()} />}
              {step.form === 'reset' && <ResetPasswordForm onDone={signIn} onCancel={() => signIn()} />}
              {step.form === 'central' && (
                <CentralServerStep onDone={(connectedTo) => setStep({ form: 'sign-in', connectedTo })} />
              )}
              {step.form === 'legacy' && <LegacyImportStep onCancel={() => signIn()} />}
            </Paper>
            {step.form !== 'central' && step.form !== 'legacy' && (
              <Group gap={4} justify="center">
                <CentralServerLink onOpen={() => setStep({ form: 'central' })} />
                <LegacyLink onOpen={() => setStep({ form: 'legacy' })} />
              </Group>
            )}
            <KeychainNote />
          </Stack>
        </Box>
      </div>
      {/* A landmark like the signed-in app's status bar (the AppShell footer). */}
      <footer className={classes.statusBar} role="contentinfo" aria-label="Status">
        <StatusBar />
      </footer>
    </div>
  );
}
